package io.github.xuke.document;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Where documents are stored ({@code xuke.documents.*}) and how large one may be. */
@ConfigurationProperties("xuke.documents")
public record DocumentProperties(@DefaultValue("./data/documents") Path dir,
    @DefaultValue("50MB") DataSize maxSize) {}
