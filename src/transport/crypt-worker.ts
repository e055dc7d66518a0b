/** Worker thread of the hash pool: computes SHA-crypt digests so the event loop never does. */
import { parentPort } from 'node:worker_threads';
import { shaCrypt, type ShaCryptAlgorithm } from './crypt.js';

export interface CryptRequest {
  id: number;
  algorithm: ShaCryptAlgorithm;
  password: Uint8Array;
  salt: Uint8Array;
  rounds: number;
}

export interface CryptResponse {
  id: number;
  digest: string;
}

parentPort?.on('message', (r: CryptRequest) => {
  const digest = shaCrypt(r.algorithm, Buffer.from(r.password), Buffer.from(r.salt), r.rounds);
  parentPort!.postMessage({ id: r.id, digest } satisfies CryptResponse);
});
