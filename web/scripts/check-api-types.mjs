// Fails when src/api/schema.d.ts is not what `npm run gen:api` makes from docs/openapi.yaml
// today (someone changed the API description and did not regenerate the types).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const web = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'samen-api-types-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(join(web, 'node_modules/.bin/openapi-typescript'), ['../docs/openapi.yaml', '-o', fresh], {
    cwd: web,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const committed = readFileSync(join(web, 'src/api/schema.d.ts'), 'utf8');
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error('check-api-types: src/api/schema.d.ts is out of date with docs/openapi.yaml; run `npm run gen:api`');
    process.exit(1);
  }
  console.log('check-api-types: src/api/schema.d.ts matches docs/openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
