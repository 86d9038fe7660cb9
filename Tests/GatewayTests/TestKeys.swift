enum TestKeys {
    /// A 2048-bit RSA key made for these tests only.
    static let rsaPrivate = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCm4uq7p6BZp2kQ
        A0cfODNACwcT/LAZZsDUxWMGvMaDA0mNTMmPrWSvT29kJ8KIaR3WgEa/K0B622m+
        TO/0zuyywW1f+Oz8GC/xoi3J1zNNBgV9ecsrhjT495cabxb7CXC/yKojelMpBPcX
        2UElWdTzS2bjmqKyHmCHUL1LUZ4RV8LApunEqinMAsWq5kzPIBjEyjt05BHA5soq
        jYDF+miZyuoEOA+KKX1guyezIGejlXZJdoiHuCBd8J9+J5i2fObjoDHUgfPAv2bT
        4/Z6ycS/LJCIL+gbIsIKes7cOgRDEhSDo+VK79dJrcbJmTE7gxaYlRHUVWECeAbj
        58OxsBiLAgMBAAECggEAJ1GCDUk+gbDsE146VPQoOvf+KGrZ0HpBhz+kB5PVT0uo
        ehZzzJqFBLq520Z00i+13HIneOXHUMq9/Jxi0nIoGStySfC7YN+P+CWGFS5TA1we
        UgQuZmg9tcSbgJpYtzdvrXepAifRTPJDBwbkDtk9zz5eFNS7bSy0AF1447Rsgdgi
        T6elFk7toVF1aqNPdC1MR8oyJUs/ve3LYDVVYBsbbDOa3rNu8k6me+C0ZQCFG6ak
        VXetWQ+AUywkbaG3S7l1cxJQ1L6UZm+nK+ETmYPSL7fCz4LmR2sCsqRPcv7g01GV
        RcP/oaSAUAgmEixlyivpVwEeawmKmYE/FcQD9wbOaQKBgQDcBZoD9JMVj3ybwbgJ
        IebhvUjbCLngTquMl2IBEwe1HjJMM+NP/QNViEi2OBSkmOHqCis1uIYmofhvkQuD
        RlDf9Vda8CGmLvQiM9Xrh1ofzGxfbBLrlOduWsbFWYsrL22UQ8oLdynO119WFqp6
        w80r2yxG30lEbdqX0NyE/k+XkwKBgQDCLP7gIHO6VBla5Op8Fux1qG/17kjdeZm7
        XZbCoe//hVP5mkalC2tDe8eRT3WJ/OtfR/T8w8H2547pil/wCyFwIQOlNbWx2h02
        OaMx3LTgzPMh+ewYnQ6q1/vTeNAG7MGY0roJN9rsm8gGu3aZ6GZmcWZqNi5+7lSn
        zUhphGsmKQKBgGwXoGvTCzOrc5d923E5I5nBiXp6Vf86BxOiB7bpZ372n9VKJKHW
        dn3d34MOGC4pIcv+RO42gkmWh1wgURykPfVZLhpyIMXpCW2IM89rhr5ait9yU/VD
        CVPw6vhnnnSP73DIwQlS+MoyixbbOdPoP/MM0TrcVb11js/I/52i5u1bAoGBAIDZ
        3PQbdNBDeGPRnixkBdt5v3oB+oZFaBdmXmGfliQIdJYgoxpofnBUljS99rBvjj03
        AcItoOvX8wTUlx8yM6k1rzaVcpGnvFS8YKf43mqCdiCouNwIdLA4DNriw6CkwT9J
        LrxpPTRfl5eoFGbDShhWzfBTLf165+BGH/QtM/EpAoGBAMGRxWer/8bseQ5xohjH
        bC7aB4i1CFcbfe7BnGLhsddUpBPF+YlcDO/lzFQxuraQpRbCz7DseJDeKCwonFdD
        9IjM2y0tqKnRSq4eZ4dlfuM58y+FHPsb9Md7ji4YKsjh7UeFbfONGwZqLmL0JPn/
        Hf8vwdyjaac9ptVhWxi3XyWz
        -----END PRIVATE KEY-----
        """

    static let rsaPublic = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApuLqu6egWadpEANHHzgz
        QAsHE/ywGWbA1MVjBrzGgwNJjUzJj61kr09vZCfCiGkd1oBGvytAettpvkzv9M7s
        ssFtX/js/Bgv8aItydczTQYFfXnLK4Y0+PeXGm8W+wlwv8iqI3pTKQT3F9lBJVnU
        80tm45qish5gh1C9S1GeEVfCwKbpxKopzALFquZMzyAYxMo7dOQRwObKKo2Axfpo
        mcrqBDgPiil9YLsnsyBno5V2SXaIh7ggXfCffieYtnzm46Ax1IHzwL9m0+P2esnE
        vyyQiC/oGyLCCnrO3DoEQxIUg6PlSu/XSa3GyZkxO4MWmJUR1FVhAngG4+fDsbAY
        iwIDAQAB
        -----END PUBLIC KEY-----
        """
}
