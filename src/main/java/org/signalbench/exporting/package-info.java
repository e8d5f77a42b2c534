/**
 * Writing the workbench's posts out as a bundle or CSV.
 */
package org.signalbench.exporting;
