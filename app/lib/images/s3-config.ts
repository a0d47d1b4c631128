/**
 * The S3-compatible store's settings (decision 047), read from
 * `S3_URL=https://ACCESS_KEY:SECRET@s3.example.com/bucket/optional/prefix` (key and secret
 * URL-encoded), `S3_REGION` and `S3_PUBLIC_URL`. Addressing is path-style (endpoint/bucket/key),
 * which MinIO, Garage, Ceph, R2, s3rver and AWS itself all answer.
 *
 * No message here ever contains the URL or the secret: they end up on the console at start.
 */
export type S3Config = {
  /** scheme://host[:port], without credentials or path. */
  endpoint: string;
  bucket: string;
  /** "" or "some/prefix/" (always ending with a slash), prepended to every object name. */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Where browsers read the objects: the address of the prefix, ending with a slash. */
  publicUrl: string;
};

/** What is wrong with which variable; `problem` reads after the variable's name ("S3_URL: names no bucket"). */
export class S3ConfigError extends Error {
  constructor(
    readonly variable: "S3_URL" | "S3_REGION" | "S3_PUBLIC_URL",
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

const SHAPE = "expected https://ACCESS_KEY:SECRET@host/bucket[/prefix], key and secret URL-encoded";
/** S3's bucket naming rules, lower case: 3 to 63 letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Prefix segments we can sign and link without escaping surprises. */
const PREFIX_SEGMENT = /^[A-Za-z0-9._-]+$/;
const REGION = /^[a-z0-9-]{2,40}$/;

function decoded(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new S3ConfigError("S3_URL", `the ${what} is not valid URL encoding (encode special characters, e.g. / as %2F)`);
  }
}

/** The settings from the environment, or null when S3_URL is not set; throws S3ConfigError when malformed. */
export function parseS3Config(env: { S3_URL?: string; S3_REGION?: string; S3_PUBLIC_URL?: string }): S3Config | null {
  if (!env.S3_URL) return null;
  let url: URL;
  try {
    url = new URL(env.S3_URL);
  } catch {
    throw new S3ConfigError("S3_URL", `is not a URL (${SHAPE})`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new S3ConfigError("S3_URL", `must start with https:// or http:// (${SHAPE})`);
  if (!url.username || !url.password) throw new S3ConfigError("S3_URL", `needs the access key and the secret before the host (${SHAPE})`);
  if (url.search || url.hash) throw new S3ConfigError("S3_URL", `takes no query or fragment (${SHAPE})`);
  const [bucket, ...rest] = url.pathname.split("/").filter((segment) => segment !== "");
  if (!bucket) throw new S3ConfigError("S3_URL", `names no bucket (${SHAPE})`);
  if (!BUCKET.test(bucket)) throw new S3ConfigError("S3_URL", "the bucket name must be 3 to 63 lower-case letters, digits, dots or hyphens");
  if (rest.some((segment) => !PREFIX_SEGMENT.test(segment))) throw new S3ConfigError("S3_URL", "the prefix may only contain letters, digits, . _ - and /");
  const region = env.S3_REGION || "us-east-1";
  if (!REGION.test(region)) throw new S3ConfigError("S3_REGION", "must be a region name such as us-east-1 or auto");
  const prefix = rest.length > 0 ? `${rest.join("/")}/` : "";
  const endpoint = url.origin;
  return {
    endpoint,
    bucket,
    prefix,
    accessKeyId: decoded(url.username, "access key"),
    secretAccessKey: decoded(url.password, "secret"),
    region,
    publicUrl: env.S3_PUBLIC_URL ? publicUrl(env.S3_PUBLIC_URL) : `${endpoint}/${bucket}/${prefix}`,
  };
}

function publicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new S3ConfigError("S3_PUBLIC_URL", "is not a URL (expected e.g. https://cdn.example.com/covers/)");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new S3ConfigError("S3_PUBLIC_URL", "must start with https:// or http://");
  if (url.username || url.password) throw new S3ConfigError("S3_PUBLIC_URL", "must not contain credentials: browsers read it");
  if (url.search || url.hash) throw new S3ConfigError("S3_PUBLIC_URL", "takes no query or fragment");
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
