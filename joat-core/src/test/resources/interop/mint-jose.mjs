// Mints the tokens of jose-tokens.json with the npm package `jose` (6.2.18, as ../shared/contract
// pins it): one fresh key pair and one access token per algorithm, the public key as SPKI PEM.
// Run from a directory where `jose` is installed:  node mint-jose.mjs > jose-tokens.json
// The claims are valid at 2026-01-01T00:00:00Z, the fixed clock of joat-core's tests.
import { SignJWT, generateKeyPair, exportSPKI } from 'jose';

const now = 1767225600;
const tokens = [];
for (const alg of ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA']) {
  const { publicKey, privateKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  const kid = 'jose-' + alg.toLowerCase();
  const token = await new SignJWT({ scp: ['profile', 'read'] })
    .setProtectedHeader({ alg, kid, typ: 'JWT' })
    .setIssuer('My OAuth2 Provider')
    .setAudience('abcd')
    .setSubject('1234')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
  tokens.push({ alg, kid, publicKey: await exportSPKI(publicKey), token });
}
process.stdout.write(JSON.stringify({ minter: 'jose 6.2.18', tokens }, null, 2) + '\n');
