// Writes docs/reference.md from the field registry (after a build); a test checks it is current.
import { writeFileSync } from 'node:fs';
import { referenceDoc } from '../dist/app/referenceDoc.js';

writeFileSync(new URL('../docs/reference.md', import.meta.url), referenceDoc());
