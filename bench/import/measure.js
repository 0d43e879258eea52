// Whole-process wall time and peak RSS of one command, with a time cap. Peak RSS (and CPU time) come from GNU
// time (`/usr/bin/time -f '%M %U %S'`, the kernel's maxrss of the command); without it, peak RSS from polling
// VmHWM in /proc/<pid>/status every 50 ms (a floor: a peak in the last few milliseconds can be missed).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * Runs `cmd argv` in its own process group (so the cap can kill the command and everything it started),
 * stdin closed. Resolves { ms, rssMb, code, signal, capped, stdout, stderr }; capped runs are killed with
 * SIGKILL at `capMs` and have code null. `cpuS` (user + system seconds) is null without GNU time.
 */
export function measure(cmd, argv, { env = process.env, capMs = 600_000, rssFile } = {}) {
  return new Promise((resolve, reject) => {
    const useTime = GNU_TIME !== null && rssFile;
    if (useTime) rmSync(rssFile, { force: true });
    const [file, args] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...argv]] : [cmd, argv];
    const start = process.hrtime.bigint();
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
    const out = [];
    const err = [];
    let errBytes = 0;
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      if (errBytes < 1 << 20) err.push(d); // keep the first MB of stderr
      errBytes += d.length;
    });
    let capped = false;
    let polledKb = 0;
    const poll = useTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) polledKb = Math.max(polledKb, Number(m[1]));
          } catch {
            // gone already
          }
        }, 50);
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL'); // the group we started: GNU time and the command under it
      } catch {
        // already gone
      }
    };
    let straggler;
    const timer = setTimeout(() => {
      capped = true;
      // Under GNU time, kill the command itself first, so that time still writes its peak RSS; then the group.
      let commands = [];
      try {
        commands = useTime ? readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
      } catch {
        // no /proc children list
      }
      for (const pid of commands) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (commands.length === 0) killGroup();
      else straggler = setTimeout(killGroup, 5_000);
    }, capMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      clearTimeout(straggler);
      if (poll) clearInterval(poll);
      let rssKb = polledKb;
      let cpuS = null;
      if (useTime && existsSync(rssFile)) {
        // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
        // After a kill by the cap: "Command terminated by signal 9" and the figures.
        const m = /^(\d+) ([\d.]+) ([\d.]+)$/m.exec(readFileSync(rssFile, 'utf8'));
        if (m) [rssKb, cpuS] = [Number(m[1]), Number(m[2]) + Number(m[3])];
      }
      resolve({ ms, rssMb: rssKb ? rssKb / 1024 : null, cpuS, code, signal, capped, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
