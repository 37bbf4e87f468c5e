// CPU and memory of the bench's processes, read from /proc (Linux), in the manner of pidstat:
// CPU time consumed between two readings divided by the wall time between them.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';

const CLOCK_TICKS = readClockTicks();

function readClockTicks() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** Fields of /proc/<pid>/stat after the command name, which may itself hold spaces. */
function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** User plus system CPU time of a process, in clock ticks; null when it is gone. */
function cpuTicksOf(pid) {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return fields ? Number(fields[11]) + Number(fields[12]) : null;
}

function machineTicks() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/** Direct children of a process (NGINX workers of their master). */
export function childrenOf(parentPid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === parentPid) {
      children.push(Number(entry));
    }
  }
  return children;
}

export function readPidFile(file) {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB (VmRSS), or null when it is gone. */
export function rssMbOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** The processes of the bench stack by role, from PM2 and the stack's pid files. */
export function findStackProcesses({ root, runDir }) {
  const pm2 = path.join(root, 'node_modules', '.bin', 'pm2');
  const list = JSON.parse(execFileSync(pm2, ['jlist'], { encoding: 'utf8' }));
  const processes = [{ name: 'load generator (bench)', pids: [process.pid] }];
  for (const app of list.sort((a, b) => a.pm_id - b.pm_id)) {
    if (app.pid > 0) {
      const index = app.pm2_env?.NODE_APP_INSTANCE ?? 0;
      processes.push({ name: `${app.name} ${index}`, role: app.name, pids: [app.pid] });
    }
  }
  const nginx = readPidFile(path.join(runDir, 'nginx.pid'));
  if (nginx) {
    processes.push({ name: 'nginx', pids: [nginx, ...childrenOf(nginx)] });
  }
  for (const [name, file] of [
    ['ferretdb', 'ferretdb.pid'],
    ['redis', 'redis.pid'],
    ['pm2 daemon', path.join('pm2', 'pm2.pid')],
  ]) {
    const pid = readPidFile(path.join(runDir, file));
    if (pid) {
      processes.push({ name, pids: [pid] });
    }
  }
  return processes;
}

/**
 * Starts measuring; the returned function stops and gives each process's CPU as a percentage of
 * one core, the whole machine's busy cores, and what the rest of the machine (other users) used.
 */
export function startCpuMeter(processes) {
  const startedAt = process.hrtime.bigint();
  const machineBefore = machineTicks();
  const before = processes.map((entry) => entry.pids.map(cpuTicksOf));

  return function stop() {
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const machineAfter = machineTicks();
    const perProcess = {};
    let oursTicks = 0;
    processes.forEach((entry, i) => {
      let ticks = 0;
      entry.pids.forEach((pid, j) => {
        const after = cpuTicksOf(pid);
        if (after !== null && before[i][j] !== null) {
          ticks += after - before[i][j];
        }
      });
      oursTicks += ticks;
      perProcess[entry.name] = round1((ticks / CLOCK_TICKS / seconds) * 100);
    });
    const cores = cpus().length;
    const machineTotal = machineAfter.total - machineBefore.total;
    const machineBusyCores = ((machineAfter.busy - machineBefore.busy) / machineTotal) * cores;
    const oursCores = oursTicks / CLOCK_TICKS / seconds;

    return {
      seconds: round1(seconds),
      perProcessPctOfCore: perProcess,
      machine: {
        cores,
        busyCores: round2(machineBusyCores),
        benchCores: round2(oursCores),
        otherCores: round2(Math.max(0, machineBusyCores - oursCores)),
      },
    };
  };
}

function round1(value) {
  return Math.round(value * 10) / 10;
}

function round2(value) {
  return Math.round(value * 100) / 100;
}

const QUIET_PCT_OF_CORE = 15;
const SETTLE_STEP_MS = 500;

/**
 * Waits until the API instances and the database together use less than 15% of a core over half
 * a second: requests a load left queued (slow database scans go on after the load generator has
 * stopped waiting) would otherwise be measured as part of the next load. Answers the seconds it
 * took, or the limit when they never went quiet.
 */
export async function waitForQuiet(processes, limitSeconds = 120) {
  const busy = processes.filter((entry) => /^(api |ferretdb$)/.test(entry.name));
  const started = Date.now();
  let first;
  while (Date.now() - started < limitSeconds * 1000) {
    const stop = startCpuMeter(busy);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS));
    const { perProcessPctOfCore } = stop();
    first ??= perProcessPctOfCore;
    const total = Object.values(perProcessPctOfCore).reduce((sum, pct) => sum + pct, 0);
    if (total < QUIET_PCT_OF_CORE) {
      break;
    }
  }
  // Who was still busy right after the load, in % of a core, when it was not idle at once.
  const seconds = round1((Date.now() - started) / 1000);
  return { seconds, busyAtFirst: seconds > SETTLE_STEP_MS / 1000 ? first : undefined };
}
