/**
 * The glue of process {@code LicenceApplication}: its names ({@link
 * io.github.xuke.application.process.LicenceApplicationProcess}, which the clocks, experts and
 * inspection read) and one class per element of the diagram.
 */
@NamedInterface("process")
package io.github.xuke.application.process;

import org.springframework.modulith.NamedInterface;
