import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { idParam } from '../lib/fields';
import { validate } from '../lib/validate';
import { presentImport } from './presenter';
import { findImports, getImport, previewImport, startImport } from './service';
import { saveUpload } from './upload';

/*
 * The body of a preview or an import is the file itself (any content type), streamed to a
 * temporary file: app.ts keeps the JSON body parser away from these routes.
 */
export const importsRouter = Router();

importsRouter.use(requireAuth);

importsRouter.post('/preview', validate([], { locations: ['query'] }), async (req, res) => {
  const upload = await saveUpload(req);
  try {
    res.json({ preview: await previewImport(userIdOf(req), upload) });
  } finally {
    await upload.remove();
  }
});

importsRouter.post('/', validate([], { locations: ['query'] }), async (req, res) => {
  const upload = await saveUpload(req);
  let job;
  try {
    job = await startImport(userIdOf(req), upload);
  } catch (error) {
    await upload.remove();
    throw error;
  }
  res.status(202).json({ import: presentImport(job) });
});

importsRouter.get('/', validate([]), async (req, res) => {
  const jobs = await findImports(userIdOf(req));
  res.json({ imports: jobs.map(presentImport) });
});

importsRouter.get('/:id', validate([idParam()]), async (req, res) => {
  const job = await getImport(userIdOf(req), String(req.params.id));
  res.json({ import: presentImport(job) });
});
