// Preload for the benchmark: writes the process's CPU time and peak RSS to $QUIDPRO_USAGE_FILE at exit, as JSON.
// CPU time (user + system, all threads) is steadier than wall time on a shared machine.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.QUIDPRO_USAGE_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKiB: u.maxRSS }));
});
