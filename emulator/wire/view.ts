/** What every wire function shares: the JSON object type and the view it serializes for. */
import type { EmulatorCore } from '../domain/core.js';

export type Json = Record<string, unknown>;

/** What serialization needs besides the model: the core and the request's Origin (for `azp`). */
export interface JsonView {
  core: EmulatorCore;
  origin: string | null;
}
