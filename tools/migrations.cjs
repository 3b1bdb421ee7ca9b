#!/usr/bin/env node
// TypeORM's CLI with the workspace's TypeScript paths: `node tools/migrations.cjs <typeorm command> [args]`.
// The npm scripts migration:generate, migration:run, migration:revert and migration:show call it.
const { join } = require('node:path');
const root = join(__dirname, '..');
process.env.TS_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register');
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });

const [command, ...rest] = process.argv.slice(2);
if (!command) {
  console.error(
    'Usage: node tools/migrations.cjs <migration:generate|migration:run|migration:revert|migration:show> [args]',
  );
  process.exit(2);
}
const dataSource = ['-d', join(root, 'apps/api/src/data-source.ts')];
if (command === 'migration:generate') {
  const name = rest.shift();
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('Name the migration in PascalCase: npm run migration:generate -- AddWaitlist');
    process.exit(2);
  }
  const target = join(root, 'libs/api/core/src/lib/database/migrations', name);
  process.argv = [process.argv[0], 'typeorm', command, target, ...dataSource, '--pretty', ...rest];
} else {
  process.argv = [process.argv[0], 'typeorm', command, ...dataSource, ...rest];
}
require('typeorm/cli.js');
