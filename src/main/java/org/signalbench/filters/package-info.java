/**
 * Corpus filters of the Twitter study: the keyword filter (the study's seven opioid keywords, an
 * editable lexicon) and the English filter (the tweet's own language tag, else a documented
 * function-word heuristic). Used at import and by the topic rounds' noise removal; pure logic.
 */
package org.signalbench.filters;
