import { execFileSync } from 'node:child_process';

/**
 * Runs exactly the check a third party would run on a downloaded document:
 * `openssl cms -verify -inform DER -binary -in signature.p7s -content content.json -CAfile ca.pem`,
 * in `dir`. Throws when openssl refuses the signature.
 */
export function opensslCmsVerify(dir: string): void {
  execFileSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-binary',
      '-in',
      'signature.p7s',
      '-content',
      'content.json',
    ].concat(['-CAfile', 'ca.pem', '-out', '/dev/null']),
    { cwd: dir, stdio: 'pipe' },
  );
}
