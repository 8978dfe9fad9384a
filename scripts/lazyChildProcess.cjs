// Stands in for node:child_process in the CLI bundle: commander requires it when it loads (for
// executable sub-commands, which flyscale has none of), and loading it costs start-up time on
// every command. The real module is loaded on the first call, by `measure` only.
'use strict';
let real;
// Without the node: prefix, so the build's alias for node:child_process does not apply here.
const load = () => (real ??= require('child_process'));
exports.spawn = (...args) => load().spawn(...args);
