// Lighthouse on several pages with one Node process and one Chromium (scripts/dev/lighthouse.py runs it):
// starting both again for each page cost more than the audit itself. Lighthouse's own Node API and its
// chrome-launcher; each page's result (LHR) is written to stdout as one line of JSON.
// Usage: node audit.mjs '{"chromeFlags": [...], "settings": {...}}' URL...
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [options, ...urls] = process.argv.slice(2);
const {chromeFlags, settings} = JSON.parse(options);
const chrome = await chromeLauncher.launch({chromeFlags});
try {
  for (const url of urls) {
    const result = await lighthouse(url, {port: chrome.port, output: 'json', logLevel: 'error', ...settings});
    process.stdout.write(JSON.stringify(result.lhr) + '\n');
  }
} finally {
  await chrome.kill();
}
