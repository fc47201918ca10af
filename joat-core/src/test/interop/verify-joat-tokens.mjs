// Verifies joat's tokens with node's `jose` (an independent implementation): every token printed by
// MintJoatTokens.java must verify with the JWK Set joat published for its key (signature, issuer,
// audience, expiry, `typ`), and each must be refused once tampered with, and with another key's JWK Set.
//   node verify-joat-tokens.mjs TOKENS.json      (run where `jose` is installed; exit 1 on any failure)
import { readFileSync } from 'node:fs';
import { jwtVerify, createLocalJWKSet } from 'jose';

const { issuer, tokens } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let verified = 0;
const failures = [];
const expectRefused = async (what, token, jwks, options) => {
  try {
    await jwtVerify(token, createLocalJWKSet(jwks), options);
    failures.push(`${what}: accepted`);
  } catch (e) {
    // refused, as it must be
  }
};
for (const [i, { alg, profile, token, jwks }] of tokens.entries()) {
  const rfc9068 = profile === 'RFC_9068';
  const options = { issuer, algorithms: [alg], audience: rfc9068 ? 'https://api.example' : 'abcd', typ: rfc9068 ? 'at+jwt' : 'JWT' };
  try {
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), options);
    const scope = rfc9068 ? payload.scope : payload.scp.join(' ');
    if (payload.sub !== '1234' || scope !== 'profile read' || protectedHeader.kid !== jwks.keys[0].kid) {
      failures.push(`${alg} ${profile}: unexpected claims ${JSON.stringify(payload)}`);
    } else {
      verified++;
    }
  } catch (e) {
    failures.push(`${alg} ${profile}: ${e.code} ${e.message}`);
  }
  const [h, p, s] = token.split('.');
  const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
  await expectRefused(`${alg} ${profile} tampered signature`, `${h}.${p}.${flipped}`, jwks, options);
  const other = tokens.find((t, j) => j !== i && t.alg === alg);
  const otherKey = { keys: [{ ...other.jwks.keys[0], kid: jwks.keys[0].kid }] };
  await expectRefused(`${alg} ${profile} another key`, token, otherKey, options);
}
for (const failure of failures) console.log('FAILED ' + failure);
console.log(`node jose verified ${verified} of ${tokens.length} joat tokens; ${failures.length} failures`);
process.exit(failures.length === 0 && verified === tokens.length && verified > 0 ? 0 : 1);
