package org.convene.registration;

import org.convene.localstack.LocalStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against one local stack, on the registrations database. */
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registrations"))
public class LocalStackDatabase {
}
