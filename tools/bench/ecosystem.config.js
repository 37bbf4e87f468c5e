// PM2 process file of the bench-only node:http hello (the ceiling anchor), started by
// scripts/bench.sh next to the API of ../../ecosystem.config.js, with as many instances.
const path = require('node:path');

module.exports = {
  apps: [
    {
      name: 'hello',
      script: path.join(__dirname, 'hello-server.js'),
      exec_mode: 'cluster',
      instances: Number(process.env.API_INSTANCES || 2),
      increment_var: 'PORT',
      env: { PORT: Number(process.env.BENCH_HELLO_PORT || 4020) },
      wait_ready: true,
      listen_timeout: 10000,
      out_file: path.join(process.env.LOG_DIR || path.join(__dirname, 'logs'), 'hello-out.log'),
      error_file: path.join(process.env.LOG_DIR || path.join(__dirname, 'logs'), 'hello-error.log'),
    },
  ],
};
