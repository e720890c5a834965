/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The Utrecht React library is one module of ~90 components, each followed by a top-level
 * `X.displayName = 'X';`. Those writes count as side effects, so every component stayed in
 * the bundle (250 kB of source for the ~25 the UI uses, 40 kB of the first load as served).
 * The names serve React's developer tools only: dropped from that one file in the build,
 * the bundler leaves out what nothing imports. (Treating every property write as free of
 * side effects, rolldown's `propertyWriteSideEffects: false`, broke inputs elsewhere.)
 */
function utrechtWithoutDisplayNames(): Plugin {
  return {
    name: 'samen:utrecht-without-display-names',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/@utrecht/component-library-react/dist/')) return null;
      return { code: code.replace(/^\w+\.displayName = '\w+';$/gm, ''), map: null };
    },
  };
}

// The built files in dist/ are served by `samen serve --static web/dist` on the same
// origin as the API, so the app calls /api/... directly. `npm run dev` proxies /api to a
// running samen (SAMEN_URL, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [react(), utrechtWithoutDisplayNames()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    // No inline scripts or styles: the server's Content-Security-Policy is default-src 'self'.
    assetsInlineLimit: 0,
    // The budget that counts is scripts/check-budget.mjs (250 kB gzipped, run in ctest).
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/api': process.env.SAMEN_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // ctest runs these beside the C++ and browser suites on two cores: a form test that
    // takes 4 s alone can take twice that there, and a timeout is not a finding.
    testTimeout: 20000,
  },
});
