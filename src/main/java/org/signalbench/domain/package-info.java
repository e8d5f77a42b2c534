/**
 * The domain records every layer shares: posts with their comments, media and hashtags, platforms
 * and roles, question ids, and the annotation records the store hands out (coders, decisions, audit
 * entries, the coding queue's filter and score order). Depends on nothing of ours.
 */
package org.signalbench.domain;
