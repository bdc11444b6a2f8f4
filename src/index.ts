/** The core's public API: everything adapters may import from src/. */
export { type Cita, createCita, DEFAULT_KNOWLEDGE_DIR, loadCita, MAX_QUESTION_LENGTH } from './cita.ts';
export { type Article, type Knowledge, KnowledgeError, loadKnowledge } from './knowledge.ts';
export type * from './types.ts';
