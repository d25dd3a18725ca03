import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { mapTilesFrom, tileOrigin } from "./src/catalogue/map-tiles.js";

// The dev server proxies API calls to the gateway, so the browser sees one origin and the
// session cookie stays first-party.
const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000";

// The headers nginx sends in production (infra/docker/nginx). The dev server gets them without a
// Content-Security-Policy: its hot reload injects inline scripts that a strict policy refuses.
const baseHeaders = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
// The catalogue map loads its tiles from the operator's tile server (src/catalogue/map-tiles.ts).
const tiles = tileOrigin(mapTilesFrom(process.env));
const productionHeaders = {
  ...baseHeaders,
  "Content-Security-Policy": `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: ${tiles}; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
};

export default defineConfig({
  plugins: [react()],
  // The browser tests give each run its own cache, so they start cold as on a fresh clone and
  // never share pre-bundled dependencies with a developer's running server.
  cacheDir: process.env.VITE_CACHE_DIR || undefined,
  server: {
    host: process.env.WEB_HOST ?? "127.0.0.1",
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    // The browser tests turn hot reload and file watching off (VITE_HMR=off): a file saved while a
    // journey runs would reload its page mid-step. Each module is served as it was when first asked for.
    ...(process.env.VITE_HMR === "off" ? { hmr: false, watch: null } : {}),
    headers: baseHeaders,
    proxy: {
      "/graphql": { target: gateway, changeOrigin: false },
      "/auth": { target: gateway, changeOrigin: false },
      "/export": { target: gateway, changeOrigin: false },
      "/calendar": { target: gateway, changeOrigin: false },
      // The mails' one-click unsubscribe (RFC 8058); the page /subscriptions/unsubscribe is the app's.
      "/unsubscribe": { target: gateway, changeOrigin: false },
      "/imports": { target: gateway, changeOrigin: false },
      "/oidc": { target: gateway, changeOrigin: false },
    },
  },
  preview: {
    host: process.env.WEB_HOST ?? "127.0.0.1",
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    headers: productionHeaders,
  },
});
