/**
 * The rule engine (rules/compiler.ts) keys its cache of compiled rules by `createHash('sha256')` of the
 * canonical rule text. On the server the hash bounds the memory a key takes; in the browser the few rules
 * an editor compiles can be keyed by the canonical text itself, which is exact (no collisions) and needs
 * no hashing code. Vite and tsconfig map `node:crypto` here for the console bundle only.
 */
interface TextDigest {
  update(text: string): TextDigest;
  digest(encoding?: string): string;
}

export function createHash(algorithm: string): TextDigest {
  if (algorithm !== 'sha256') throw new Error(`createHash: only sha256 is available in the console, not ${algorithm}`);
  const parts: string[] = [];
  const digest: TextDigest = {
    update(text) {
      parts.push(text);
      return digest;
    },
    digest: () => parts.join(''),
  };
  return digest;
}
