// ESLint flat config: the rule sets of the Remix v2 template (decisions/024).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "build/",
    "public/build/",
    "tests/load/baseline/build/", // the benchmark's bare Remix app, built by the benchmark
    "tests/load/baseline/public/build/",
    "app/generated/", // Prisma clients
    "coverage/",
    "tests/e2e/screenshots/",
    "test-results/",
    "data/",
    ".cache/",
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  { files: ["**/*.{js,jsx,ts,tsx}"], ...react.configs.flat.recommended },
  { files: ["**/*.{js,jsx,ts,tsx}"], ...react.configs.flat["jsx-runtime"] },
  { files: ["**/*.{js,jsx,ts,tsx}"], ...jsxA11y.flatConfigs.recommended },
  {
    settings: {
      react: { version: "detect" },
      // Remix's own components, so that the React and a11y rules treat them like <form> and <a>.
      formComponents: ["Form"],
      linkComponents: [
        { name: "Link", linkAttribute: "to" },
        { name: "NavLink", linkAttribute: "to" },
      ],
    },
  },

  // React code lives in app/ only; in tests/, useServer() and the like register Vitest hooks and are no React hooks.
  {
    files: ["app/**/*.{js,jsx,ts,tsx}"],
    ...reactHooks.configs["recommended-latest"],
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },

  {
    rules: {
      // Every hit is deliberate: form input and calendar text strip control characters; the address guard refuses NUL.
      "no-control-regex": "off",
      // `const { id: _id, ...rest } = row` omits keys; `_next` keeps Express's four-argument error handler.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
      // `interface AppLoadContext extends RequestContext {}` is how Remix's context type is augmented.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },

  // Where the code runs.
  {
    files: ["app/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["app/**/*.server.{ts,tsx}", "app/entry.server.tsx", "server/**", "scripts/**", "tests/**", "prisma/**", "*.{js,ts}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["public/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
