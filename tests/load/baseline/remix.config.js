/**
 * The baseline for `npm run bench -- activities`: a bare Remix 2 app (the template's root, no
 * data, no i18n, no shell) serving the same twenty static cards as the app's benchmark route.
 * Built by the benchmark into tests/load/baseline/build (ignored by git).
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
};
