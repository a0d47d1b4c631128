import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

/** The bare Remix app on PORT, as the Remix template serves it (express, static assets, handler). */
const here = new URL(".", import.meta.url).pathname;
const build = (await import(`${here}build/index.js`)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static(`${here}public/build`, { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), "127.0.0.1", () => console.error(`baseline listening on ${process.env.PORT}`));
