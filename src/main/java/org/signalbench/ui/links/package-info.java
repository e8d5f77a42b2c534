/** The link review view: each site with its screenshot and evidence, the funnel, and a Report button. */
package org.signalbench.ui.links;
