/** The Topics view: rounds of topic models over the workbench's tweets (the Twitter study). */
package org.signalbench.ui.topics;
