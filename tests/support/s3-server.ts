/**
 * A real S3-compatible server for the tests (decision 047): s3rver 3.7, on a free port, storing
 * in a temporary folder, with one bucket created at start. It knows one account, S3RVER:S3RVER;
 * it refuses unknown access keys but does not check SigV4 signatures (see the decision).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsClient } from "aws4fetch";
import S3rver from "s3rver";

export const S3RVER_KEY = "S3RVER";
export const S3RVER_SECRET = "S3RVER";

export async function startS3(bucket: string) {
  const directory = mkdtempSync(join(tmpdir(), "meedoen-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new AwsClient({ accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_SECRET, service: "s3", region: "us-east-1", retries: 0 });
  return {
    endpoint,
    /** The keys stored in the bucket under `prefix`, sorted. */
    async keys(prefix = ""): Promise<string[]> {
      const answer = await client.fetch(`${endpoint}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`);
      if (!answer.ok) throw new Error(`listing ${bucket}: ${answer.status}`);
      return [...(await answer.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]).sort();
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
