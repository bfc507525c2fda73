// Node peers for the gateway load test, in the design of an Express screening
// middleware: read the body, screen it, answer 403 JSON on a threat, otherwise
// hand over to the app, which answers 200 JSON.
//
//   node server.mjs aidefence PORT   screening with @claude-flow/aidefence
//   node server.mjs regex PORT       four regex lists on the raw body
//   node server.mjs plain PORT       the same Express app with no screening
//   node server.mjs upstream PORT    a bare node:http server answering 200 (no Express)
//
// Prints "listening PORT" once ready.

import http from 'node:http';
import express from 'express';

const [mode, portArg] = process.argv.slice(2);
const port = Number(portArg);
if (!['aidefence', 'regex', 'plain', 'upstream'].includes(mode) || !port) {
  console.error('usage: node server.mjs aidefence|regex|plain|upstream PORT');
  process.exit(2);
}

// Regex lists in the style of a simple request-defence detector: matched on
// the raw body text with no decoding (so URL- or entity-encoded payloads pass).
const PATTERNS = {
  sql_injection: [
    /(\bunion\b[\s\S]*\bselect\b)/i,
    /(\bselect\b[\s\S]*\bfrom\b)/i,
    /(\binsert\b\s+\binto\b)/i,
    /(\bdrop\b\s+\b(table|database)\b)/i,
    /(\bdelete\b\s+\bfrom\b)/i,
    // Bounded: an unbounded `[^=]*=` here goes quadratic on a 10 MiB body
    // full of `"OR"` with no `=` (every match attempt scans to the end).
    /('|")\s*(or|and)\s+('|"|\d)[\w'"]{0,20}\s*=/i,
    /(;\s*(shutdown|exec|xp_cmdshell))/i,
    /(--\s*$)/,
  ],
  xss: [
    /<script[^>]*>[\s\S]*?<\/script>/i,
    /javascript\s*:/i,
    /\bon(error|load|click|mouseover|focus)\s*=/i,
    /<(iframe|object|embed|svg)\b/i,
    /<img[^>]+src\s*=/i,
    /document\.(cookie|location)/i,
  ],
  command_injection: [
    /[;&|`]\s*(cat|ls|rm|wget|curl|nc|bash|sh|id|uname|whoami)\b/i,
    /\$\([^)]*\)/,
    /`[^`]*`/,
    /\/bin\/(ba)?sh\b/i,
  ],
  path_traversal: [
    /\.\.\//,
    /\.\.\\/,
    /%2e%2e(%2f|%5c|\/)/i,
    /\/etc\/(passwd|shadow|hosts)/i,
  ],
};

function regexScreen(text) {
  const threats = [];
  for (const [category, list] of Object.entries(PATTERNS)) {
    for (const re of list) {
      if (re.test(text)) {
        threats.push({ category, pattern: re.source });
        break;
      }
    }
  }
  return threats;
}

async function makeScreen() {
  if (mode === 'regex') return async (text) => regexScreen(text);
  if (mode === 'plain') return async () => [];
  const { createAIDefence } = await import('@claude-flow/aidefence');
  const defence = createAIDefence({ enableLearning: false });
  return async (text) => {
    const result = await defence.detect(text);
    return result.safe ? [] : result.threats.map((t) => ({ category: t.type, severity: t.severity }));
  };
}

function ready(server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0;
  console.log(`listening ${port}`);
}

if (mode === 'upstream') {
  const body = JSON.stringify({ ok: true, upstream: 'node' });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.listen(port, '127.0.0.1', () => ready(server));
} else {
  const screen = await makeScreen();
  const app = express();
  app.disable('x-powered-by');
  app.use(express.text({ type: () => true, limit: '16mb' }));
  app.use(async (req, res, next) => {
    try {
      const text = typeof req.body === 'string' ? req.body : '';
      const target = `${req.originalUrl}\n${text}`;
      const threats = await screen(target);
      if (threats.length > 0) {
        res.status(403).json({ error: 'threat detected', threats });
        return;
      }
      next();
    } catch (err) {
      next(err);
    }
  });
  app.use((req, res) => {
    res.json({ ok: true, received: typeof req.body === 'string' ? req.body.length : 0 });
  });
  const server = app.listen(port, '127.0.0.1', () => ready(server));
}
