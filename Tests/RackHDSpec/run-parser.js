// Runs RackHD's command-parser.js on [{cmd, stdout}] read as JSON from standard input and prints one result
// per task as JSON: {source, data, store, lookups, error} (error as its message; a rejected parse as an
// error too), with undefined written as "__undefined__". Needs lodash on NODE_PATH (Debian: node-lodash).
'use strict';
const _ = require('lodash');
const quiet = { warning() {}, debug() {}, info() {}, error() {} };
const parser = require('./command-parser.js')({ initialize: () => quiet }, Promise, _);
const tasks = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const message = (e) => (e === undefined || e === null ? undefined : String(e.message || e.error && e.error.message || e));
Promise.all(tasks.map((task) => parser.parseTasks([task]).then(
    (results) => Object.assign({}, results[0], { error: message(results[0].error) }),
    (rejection) => ({ source: rejection.source, error: message(rejection.error || rejection) }))))
    .then((results) => process.stdout.write(JSON.stringify(results, (k, v) => (v === undefined ? '__undefined__' : v))));
