import { startSession } from "~/domain/auth/lucia.server";
import { TestClient } from "./http-client";

/** An HTTP client that carries a fresh session of the person, as a browser would after signing in. */
export async function clientFor(baseUrl: string, userId: string | null) {
  const client = new TestClient(baseUrl);
  if (userId) {
    const [name, value] = (await startSession(userId)).split(";")[0].split("=");
    client.cookies.set(name, value);
  }
  return client;
}
