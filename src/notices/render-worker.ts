/** Runs in a worker thread of the render pool (render-pool.ts): one notice per task. */
import { renderNotice, type NoticeModel } from './render';

export default async function render(model: NoticeModel): Promise<Uint8Array> {
  return renderNotice(model);
}
