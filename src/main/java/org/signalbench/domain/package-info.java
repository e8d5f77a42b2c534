/**
 * The domain records every layer shares: posts with their comments, media and hashtags, platforms
 * and roles. Depends on nothing of ours.
 */
package org.signalbench.domain;
