// Preload for the benchmark: writes the process's peak RSS (KiB) to $QUIDPRO_RSS_FILE at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.QUIDPRO_RSS_FILE) writeFileSync(process.env.QUIDPRO_RSS_FILE, String(process.resourceUsage().maxRSS));
});
