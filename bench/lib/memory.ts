import { readdirSync, readFileSync } from "node:fs";

/** Resident memory of a process from /proc (Linux): now, and its peak (the high-water mark). */
export function residentKb(pid: number): { rssKb: number; hwmKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
  } catch {
    return null; // gone, or not Linux
  }
}

/** The children of a process, by their parent id in /proc/<pid>/stat. */
export function childPids(parent: number): { pid: number; command: string }[] {
  const children: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid ...; comm may contain spaces, so split after the last ')'.
      const close = stat.lastIndexOf(")");
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      if (ppid === parent)
        children.push({ pid: Number(entry), command: stat.slice(stat.indexOf("(") + 1, close) });
    } catch {
      // exited while we looked
    }
  }
  return children;
}

/** Samples the summed resident memory of some processes and keeps the peak of the sum. */
export function startRssSampler(pids: readonly number[], everyMs = 50) {
  let peakKb = 0;
  const sample = () => {
    let total = 0;
    for (const pid of pids) total += residentKb(pid)?.rssKb ?? 0;
    peakKb = Math.max(peakKb, total);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return peakKb;
    },
  };
}
