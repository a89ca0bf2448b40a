/**
 * The layers, checked on every `npm test` (npm run lint:layers). See ARCHITECTURE.md.
 *   core       pure rules: imports nothing of the project outside core, and no I/O modules
 *   contracts  wire shapes (zod): core and contracts only
 *   db         engines, migrations, backup: core only
 *   web        the SPA: core and contracts only
 *   server     routes, services, queries: anything but web, cli and demo
 *              (boot.ts, the composition root, may load the demo data)
 *   demo       sample data: may use services
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'A cycle makes two files one; split what they share into a third. A page loaded lazily ' +
        'may read the route table that loads it: that edge is not followed at load time.',
      from: { path: '^src' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core holds rules without I/O: it imports only itself.',
      from: { path: '^src/core' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-has-no-io',
      severity: 'error',
      comment: 'No file system, network, process or database in core: pass values in.',
      from: { path: '^src/core' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|os|dgram|cluster)$' },
    },
    {
      name: 'core-has-no-packages',
      severity: 'error',
      comment: 'Core depends on no framework or driver.',
      from: { path: '^src/core' },
      to: { dependencyTypes: ['npm', 'npm-dev'], pathNot: '^node_modules/(zod)/' },
    },
    {
      name: 'contracts-use-core-only',
      severity: 'error',
      from: { path: '^src/contracts' },
      to: { path: '^src/(?!core/|contracts/)' },
    },
    {
      name: 'db-uses-core-only',
      severity: 'error',
      comment: 'The database layer knows nothing of HTTP, screens or demo data.',
      from: { path: '^src/db' },
      to: { path: '^src/(?!core/|db/)' },
    },
    {
      name: 'web-uses-core-and-contracts',
      severity: 'error',
      comment: 'The SPA talks to the server only through the API; it shares rules and wire shapes.',
      from: { path: '^src/web' },
      to: { path: '^src/(?!core/|contracts/|web/)' },
    },
    {
      name: 'server-not-web-cli-demo',
      severity: 'error',
      from: { path: '^src/server', pathNot: '^src/server/boot\\.ts$' },
      to: { path: '^src/(web|cli|demo)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
