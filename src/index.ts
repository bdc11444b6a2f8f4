/** The core's public API: everything adapters may import from src/. */
export {
  type AskOptions,
  type Cita,
  type CitaOptions,
  createCita,
  DEFAULT_KNOWLEDGE_DIR,
  loadCita,
  MAX_QUESTION_LENGTH,
} from './cita.ts';
export { type Article, type Glossary, type Knowledge, KnowledgeError, loadKnowledge } from './knowledge.ts';
export { type Labels, labels, type Messages, messages } from './messages.ts';
export { detectLanguage, localeLanguage } from './spanish.ts';
export type * from './types.ts';
