// PM2 process file: the API in cluster mode and the Next.js server. Environment comes from the
// caller (scripts/start.sh locally, the deploy job in production); see README "Configuration".
const path = require('node:path');

const apiPort = Number(process.env.API_PORT || 4000);
const webPort = Number(process.env.WEB_PORT || 3000);
const logDir = process.env.LOG_DIR || path.join(__dirname, 'logs');
const frontendDir = path.join(__dirname, 'frontend');
// npm workspaces hoist next to the root node_modules; resolve it from the frontend.
const nextBin = require.resolve('next/dist/bin/next', { paths: [frontendDir] });

module.exports = {
  apps: [
    {
      name: 'api',
      cwd: path.join(__dirname, 'backend'),
      script: 'dist/server.js',
      exec_mode: 'cluster',
      instances: Number(process.env.API_INSTANCES || 2),
      // Each worker listens on API_PORT + its instance number (NODE_APP_INSTANCE), worked out by
      // the API itself (lib/config.ts): PM2's increment_var is lost on `startOrReload
      // --update-env`, which would put every worker on one port.
      env: { API_PORT: apiPort },
      // The app sends 'ready' once the database answers; reload waits for it before stopping
      // the old instance, and gives in-flight requests time to finish on SIGINT.
      wait_ready: true,
      listen_timeout: 10000,
      kill_timeout: 10000,
      max_memory_restart: process.env.API_MAX_MEMORY || '300M',
      // A worker that cannot start (database away at boot) is retried with a growing delay, up
      // to 15 s, instead of in a tight loop.
      exp_backoff_restart_delay: 100,
      merge_logs: true,
      out_file: path.join(logDir, 'api-out.log'),
      error_file: path.join(logDir, 'api-error.log'),
      time: false,
    },
    {
      name: 'web',
      cwd: frontendDir,
      script: nextBin,
      args: `start --hostname 127.0.0.1 --port ${webPort}`,
      exec_mode: 'fork',
      instances: 1,
      kill_timeout: 5000,
      max_memory_restart: process.env.WEB_MAX_MEMORY || '400M',
      // Without it PM2 appends the process id to the file names, which log rotation cannot know.
      merge_logs: true,
      out_file: path.join(logDir, 'web-out.log'),
      error_file: path.join(logDir, 'web-error.log'),
    },
  ],
};
