/** Sentence retrieval over the article: the contract and the product's one retriever. */
import { knowledgeBase } from '../../knowledge/knowledgeBase';
import { createRetriever, type Retriever } from './retriever';

export { createRetriever, type RetrievedSegment, type RetrieveOptions, type Retriever } from './retriever';
export { outOfScopeSegments, topicQuestionSegments } from './topicQuestion';

let shared: Retriever | undefined;

/** The product's retriever over the product's knowledge base, built on first use (the app builds it at start). */
export function articleRetriever(): Retriever {
  shared ??= createRetriever(knowledgeBase());
  return shared;
}
