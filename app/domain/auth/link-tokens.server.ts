import { createHash, randomBytes } from "node:crypto";

/**
 * The secrets in mailed links (a new password, a confirmed address): 32 random bytes, sent once
 * and kept only as a SHA-256 hash, so a copy of the database opens no account.
 */
export const newLinkToken = () => randomBytes(32).toString("base64url");
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** 32 bytes in base64url are 43 characters; anything else was never ours and needs no look-up. */
export const looksLikeLinkToken = (token: string) => /^[\w-]{43}$/.test(token);
