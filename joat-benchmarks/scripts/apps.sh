# Sourced by load-test.sh, profile.sh and startup.sh: starts and stops the applications they drive,
# and gets a token each accepts. Two applications:
#   sample  the joat sample (joat-sample-app), tokens from its own /oauth2/token
#   stock   the stock Spring Boot resource server of joat-benchmarks (StockResourceServer): Spring
#           Security's NimbusJwtDecoder, the same actuator, metrics and management port; it issues
#           no tokens, so the token is minted here with the same secret, issuer and claims
# Each runs in a fresh JVM from its jar (built if absent) with APP_JAVA (default: the java on PATH)
# and JAVA_OPTS, the secret below, the given port and the next one as the management port.

sample_jar=joat-sample-app/target/joat-sample-app-0.1.0-SNAPSHOT.jar
stock_jar=joat-benchmarks/target/joat-benchmarks-0.1.0-SNAPSHOT-stock.jar
app_secret="load-test-secret-of-at-least-32-bytes"
app_pid=""
app_log=$(mktemp)

# start_app KIND PORT [arguments ...]: starts the application and waits until it answers on PORT.
start_app() {
	local kind="$1" port="$2" jar
	shift 2
	case "$kind" in
		sample) jar="$sample_jar" ;;
		stock) jar="$stock_jar" ;;
		*) echo "Unknown application $kind" >&2; return 2 ;;
	esac
	if [ ! -f "$jar" ]; then
		nice -n 10 ./mvnw -B -q -pl joat-sample-app,joat-benchmarks -am package -DskipTests
	fi
	# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
	JOAT_SECRET="$app_secret" "${APP_JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" \
		--management.server.port=$((port + 1)) "$@" >"$app_log" 2>&1 &
	app_pid=$!
	for _ in $(seq 1 180); do
		if curl -s -o /dev/null "http://127.0.0.1:$port/api/read"; then return 0; fi
		if ! kill -0 "$app_pid" 2>/dev/null; then cat "$app_log" >&2; return 1; fi
		sleep 1
	done
	echo "$kind did not answer on port $port within 180 s" >&2
	cat "$app_log" >&2
	return 1
}

# The line of the application's log that says how long it took to start.
app_started() {
	sed -nE 's/.*(Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)).*/\1/p' "$app_log" | head -n 1
}

# stop_app: stops the application started last, and waits for it to exit.
stop_app() {
	if [ -z "$app_pid" ]; then return 0; fi
	kill "$app_pid" 2>/dev/null || true
	for _ in $(seq 1 30); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 1
	done
	kill -9 "$app_pid" 2>/dev/null || true
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

# app_token KIND PORT: prints an access token for the demo client with the scopes read and profile.
app_token() {
	local kind="$1" port="$2"
	if [ "$kind" = sample ]; then
		curl -s -u demo-client:demo-secret -d grant_type=client_credentials "http://127.0.0.1:$port/oauth2/token" \
			| sed -E 's/.*"access_token":"([^"]+)".*/\1/'
		return
	fi
	# The claims of the sample's token for the demo client (RFC 9068's layout as PyJOAT writes it),
	# HS256 with the same secret; the issuer is the stock server's default, http://localhost:PORT.
	python3 - "$app_secret" "http://localhost:$port" <<'PY'
import base64, hashlib, hmac, json, sys, time, uuid
secret, issuer = sys.argv[1].encode(), sys.argv[2]
def segment(value):
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
now = int(time.time())
claims = {"iss": issuer, "sub": "demo-client", "aud": "demo-client", "client_id": "demo-client",
          "scp": ["read", "profile"], "iat": now, "exp": now + 3600, "jti": str(uuid.uuid4())}
signed = segment({"alg": "HS256", "typ": "JWT"}) + "." + segment(claims)
signature = hmac.new(secret, signed.encode(), hashlib.sha256).digest()
print(signed + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode())
PY
}
