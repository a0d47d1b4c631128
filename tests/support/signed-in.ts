import { clientFor as signedInClient, TestClient } from "./http-client";

/** An HTTP client that carries a fresh session of the person, as a browser would after signing in; none for null. */
export const clientFor = (baseUrl: string, userId: string | null) => (userId ? signedInClient(baseUrl, userId) : Promise.resolve(new TestClient(baseUrl)));
