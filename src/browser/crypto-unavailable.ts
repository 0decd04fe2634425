/**
 * Stand-in for Node's `crypto` module in the browser builds (task pane, browser page and its
 * Web Worker). webpack.config.js resolves every `require("crypto")` to this file, so that no
 * crypto polyfill (crypto-browserify with elliptic, sha.js, cipher-base, pbkdf2, …) is bundled:
 * see docs/afhankelijkheden.md, §3.
 *
 * ExcelJS's only use of `crypto` is lib/utils/encryptor.js, reached only by
 * `worksheet.protect(password)` (hashing a sheet-protection password). The tool never protects
 * a sheet, so none of these functions is called; if one ever is, it throws instead of
 * producing a wrong or weak hash.
 *
 * Shapes: the three members of Node's `crypto` API that ExcelJS calls; each throws.
 * @throws Error with a Dutch message (and the English reason) on every call.
 */

/** The message for the (never expected) call: Dutch for the user, English for a developer. */
export const CRYPTO_UNAVAILABLE_MESSAGE =
  "Een werkblad met een wachtwoord beveiligen kan in de browserversie van deze tool niet. " +
  "(Node's crypto module is not bundled in the browser build; worksheet.protect is unavailable.)";

function unavailable(): never {
  throw new Error(CRYPTO_UNAVAILABLE_MESSAGE);
}

/** Node: `crypto.createHash(algorithm)`. Always throws here. */
export function createHash(_algorithm: string): never {
  return unavailable();
}

/** Node: `crypto.getHashes()`. Always throws here. */
export function getHashes(): never {
  return unavailable();
}

/** Node: `crypto.randomBytes(size)`. Always throws here. */
export function randomBytes(_size: number): never {
  return unavailable();
}
