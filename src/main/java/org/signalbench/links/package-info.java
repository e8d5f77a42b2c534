/**
 * The Twitter study's link review (Mackey et al. 2018): from retrieved signal tweets to candidates
 * (tweets with links or contact details, retweets and identical copies collapsed), grouped by
 * registrable domain and account; the figures of the funnel from coded answers and link evidence.
 */
package org.signalbench.links;
