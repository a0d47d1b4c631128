/**
 * S3_URL, S3_REGION and S3_PUBLIC_URL (decision 047): parsed and checked at start, with messages
 * that say what is wrong and never repeat the secret; and the SigV4 signing the store relies on.
 */
import { AwsV4Signer } from "aws4fetch";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/lib/config.server";
import { parseS3Config } from "~/lib/images/s3-config";
import { s3Store } from "~/lib/images/storage.server";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY=EXAMPLEKEY";
const ENCODED = encodeURIComponent(SECRET);

function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(Object.keys(env))}`);
}

describe("S3_URL", () => {
  it("is optional: without it the local folder is the store", () => {
    expect(parseConfig({}).s3).toBeNull();
    expect(parseConfig({ S3_URL: "" }).s3).toBeNull();
  });

  it("gives the endpoint, the bucket, the prefix, the URL-decoded credentials, us-east-1 and the bucket's public address", () => {
    expect(parseConfig({ S3_URL: `https://AKIA%2BKEY:${ENCODED}@s3.example.com:9000/covers/meedoen/prod` }).s3).toEqual({
      endpoint: "https://s3.example.com:9000",
      bucket: "covers",
      prefix: "meedoen/prod/",
      accessKeyId: "AKIA+KEY",
      secretAccessKey: SECRET,
      region: "us-east-1",
      publicUrl: "https://s3.example.com:9000/covers/meedoen/prod/",
    });
    expect(parseS3Config({ S3_URL: "http://k:s@127.0.0.1:9000/covers/" })).toMatchObject({ endpoint: "http://127.0.0.1:9000", bucket: "covers", prefix: "" });
  });

  it("takes S3_REGION and S3_PUBLIC_URL (a CDN), and the store links the public address", () => {
    const s3 = parseConfig({ S3_URL: "https://k:s@abc.r2.cloudflarestorage.com/covers", S3_REGION: "auto", S3_PUBLIC_URL: "https://img.meedoen.nl/c" }).s3!;
    expect(s3.region).toBe("auto");
    expect(s3.publicUrl).toBe("https://img.meedoen.nl/c/");
    expect(s3Store(s3).url("0123456789abcdef01234567-400.avif")).toBe("https://img.meedoen.nl/c/0123456789abcdef01234567-400.avif");
  });

  it("stops the start on a malformed value, saying what is wrong, never printing the secret", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ S3_URL: `s3.example.com/covers` }, /S3_URL: is not a URL \(expected https:\/\/ACCESS_KEY:SECRET@host\/bucket/],
      [{ S3_URL: `https://KEY:${SECRET}@s3.example.com/covers` }, /S3_URL: is not a URL/], // an unencoded / in the secret
      [{ S3_URL: `ftp://KEY:${ENCODED}@s3.example.com/covers` }, /S3_URL: must start with https:\/\/ or http:\/\//],
      [{ S3_URL: "https://s3.example.com/covers" }, /S3_URL: needs the access key and the secret/],
      [{ S3_URL: `https://KEY:${ENCODED}@s3.example.com` }, /S3_URL: names no bucket/],
      [{ S3_URL: `https://KEY:${ENCODED}@s3.example.com/` }, /S3_URL: names no bucket/],
      [{ S3_URL: `https://KEY:${ENCODED}@s3.example.com/Covers_2026` }, /S3_URL: the bucket name must be 3 to 63 lower-case/],
      [{ S3_URL: `https://KEY:${ENCODED}@s3.example.com/covers/a%20b` }, /S3_URL: the prefix may only contain/],
      [{ S3_URL: `https://KEY:${ENCODED}@s3.example.com/covers?region=x` }, /S3_URL: takes no query/],
      [{ S3_URL: `https://KEY:%E0%A4%A@s3.example.com/covers` }, /S3_URL: the secret is not valid URL encoding/],
      [{ S3_URL: `https://KEY:${ENCODED}@s3.example.com/covers`, S3_REGION: "EU West" }, /S3_REGION: must be a region name/],
      [{ S3_URL: `https://KEY:${ENCODED}@s3.example.com/covers`, S3_PUBLIC_URL: "cdn.example.com" }, /S3_PUBLIC_URL: is not a URL/],
      [
        { S3_URL: `https://KEY:${ENCODED}@s3.example.com/covers`, S3_PUBLIC_URL: `https://KEY:${ENCODED}@cdn.example.com/` },
        /S3_PUBLIC_URL: must not contain credentials/,
      ],
    ];
    for (const [env, expected] of cases) {
      const message = refusal(env);
      expect(message, JSON.stringify(env)).toMatch(/^Invalid configuration in environment variables:\n/);
      expect(message, JSON.stringify(env)).toMatch(expected);
      for (const secret of [SECRET, ENCODED, "%E0%A4%A"]) expect(message, JSON.stringify(env)).not.toContain(secret);
    }
  });
});

describe("SigV4 signing (aws4fetch)", () => {
  it("computes AWS's published signature for its GET Object example", async () => {
    // "Signature Calculations for the Authorization Header: Transferring Payload in a Single
    // Chunk", Amazon S3 API Reference: GET /test.txt with Range, signature f0e8bdb8….
    const signer = new AwsV4Signer({
      url: "https://examplebucket.s3.amazonaws.com/test.txt",
      method: "GET",
      headers: { Range: "bytes=0-9", "X-Amz-Content-Sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      service: "s3",
      region: "us-east-1",
      datetime: "20130524T000000Z",
      allHeaders: true,
    });
    const { headers } = await signer.sign();
    expect(headers.get("authorization")).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});
