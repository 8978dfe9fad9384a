#!/usr/bin/env node
import { main } from '../dist/bin/flyscale.js';

await main(process.argv.slice(2));
