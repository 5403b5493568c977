// The sandbox's one RSA signing key (RS256, like Gorgias). It can be handed in and exported, so the
// app can keep it across restarts and tokens issued yesterday still verify today.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  privateJwk: JWK;
  publicJwk: JWK;
}

const PRIVATE_PARTS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export async function loadOrCreateSigningKey(privateJwk?: JWK): Promise<SigningKey> {
  let jwk: JWK;
  if (privateJwk) {
    if (privateJwk.kty !== 'RSA' || !privateJwk.d) throw new Error('The sandbox key must be a private RSA JWK.');
    jwk = privateJwk;
  } else {
    const pair = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    jwk = await exportJWK(pair.privateKey);
  }
  const { kty, n, e } = jwk;
  const publicJwk: JWK = { kty, n, e };
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateKey = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const publicKey = (await importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const cleanPrivate: JWK = { kty, n, e };
  for (const part of PRIVATE_PARTS) if (jwk[part]) cleanPrivate[part] = jwk[part];
  return { kid, privateKey, publicKey, privateJwk: cleanPrivate, publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'RS256' } };
}
