// Starts the telegram-test-api Bot API emulator on 127.0.0.1 for Lumen's end-to-end tests.
//
// Usage: node serve.js PORT   (or EMULATOR_PORT=PORT node serve.js)
// Prints "emulator listening on 127.0.0.1:PORT" once it accepts connections and
// stops cleanly on SIGTERM or SIGINT.
'use strict';

const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || process.env.EMULATOR_PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node serve.js PORT (or set EMULATOR_PORT)');
  process.exit(2);
}

// storeTimeout: keep messages for a day; the default (60 s) drops a slow test's messages.
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 86400 });

async function stop() {
  await server.stop();
  process.exit(0);
}

server.start().then(
  () => {
    console.log(`emulator listening on 127.0.0.1:${port}`);
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  },
  (err) => {
    console.error(`emulator failed to start: ${err}`);
    process.exit(1);
  },
);
